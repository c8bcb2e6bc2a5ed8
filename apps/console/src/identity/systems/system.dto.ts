import { IsNotBlank } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { SystemCredential } from './system-credential.repository';

/** An absolute URI, as a CloudEvent `source` should be; the services' own `urn:appeal-routing:` ones are not for systems. */
const SOURCE = /^(?!urn:appeal-routing:)[a-z][a-z0-9+.-]*:[^\s]+$/i;

export class CreateSystemRequest {
  @ApiProperty({ example: 'eGov portal', description: 'A label for administrators.' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name!: string;

  @ApiProperty({ example: 'urn:portal:egov', description: 'The CloudEvent `source` the system submits as.' })
  @IsString()
  @Length(3, 200)
  @Matches(SOURCE, {
    message: 'source must be an absolute URI such as urn:portal:egov, outside urn:appeal-routing:',
  })
  source!: string;
}

export class SystemView {
  @ApiProperty() clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ description: 'Grows by one at each rotation.' }) secretVersion!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) rotatedAt!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) revokedAt!: string | null;

  static of(system: SystemCredential): SystemView {
    return {
      clientId: system.clientId,
      name: system.name,
      source: system.source,
      secretVersion: system.secretVersion,
      createdAt: system.createdAt.toISOString(),
      rotatedAt: system.rotatedAt?.toISOString() ?? null,
      revokedAt: system.revokedAt?.toISOString() ?? null,
    };
  }
}

export class SystemWithSecretView extends SystemView {
  @ApiProperty({
    description: "Shown this once; only its hash is kept. Store it in the system's secret store.",
  })
  clientSecret!: string;
}

/** RFC 6749 §4.4: form-encoded (or JSON); the client may authenticate with HTTP Basic instead of the body. */
export class ClientCredentialsRequest {
  @ApiProperty({ enum: ['client_credentials'] })
  @IsIn(['client_credentials'], { message: 'grant_type must be client_credentials' })
  grant_type!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  client_id?: string;

  @ApiPropertyOptional({ format: 'password' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  client_secret?: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored: a token covers what its credential allows.' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  scope?: string;
}

export class ClientCredentialsResponse {
  @ApiProperty({ description: 'A JWT for the console and intake (`Authorization: Bearer`).' })
  access_token!: string;

  @ApiProperty({ example: 'Bearer' })
  token_type!: 'Bearer';

  @ApiProperty({ example: 300 })
  expires_in!: number;
}

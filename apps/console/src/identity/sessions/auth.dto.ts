import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'operator.almaty' })
  @IsString()
  @Length(1, 256)
  username!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 1024)
  password!: string;
}

export class RefreshRequest {
  @ApiProperty({ description: 'The refresh token of the last login or refresh; each one works once.' })
  @IsString()
  @Length(1, 512)
  refreshToken!: string;
}

export class TokenPairResponse {
  @ApiProperty({ description: 'A JWT for `Authorization: Bearer`, valid `expiresIn` seconds.' })
  accessToken!: string;

  @ApiProperty({ description: 'Opaque; exchange it once at /api/v1/auth/refresh for a new pair.' })
  refreshToken!: string;

  @ApiProperty({ example: 900 })
  expiresIn!: number;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';
}

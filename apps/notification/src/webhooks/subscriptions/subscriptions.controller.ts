import {
  ApiErrorResponse,
  ApiInvalidRequestResponse,
  CallingSystem,
  type ExternalSystem,
} from '@app/service-kit';
import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiSubscriptionNotFound, WebhookApi } from '../webhook-routes';
import { CreateSubscriptionRequest, SubscriptionView, SubscriptionWithSecretView } from './subscription.dto';
import { WebhookSubscriptions } from './webhook-subscriptions';

@WebhookApi()
export class SubscriptionsController {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  @Post()
  @ApiOperation({
    summary: "Subscribe to event types of this system's appeals; the signing secret is shown this once",
    description:
      'Deliveries are POSTed as CloudEvents (application/cloudevents+json), signed as Standard Webhooks says ' +
      '(webhook-id, webhook-timestamp, webhook-signature). Only events of appeals this system submitted (the ' +
      "token's `source`) are delivered.",
  })
  @ApiCreatedResponse({ type: SubscriptionWithSecretView })
  @ApiInvalidRequestResponse('url or eventTypes refused: fieldErrors name the field and why')
  @ApiErrorResponse(
    409,
    'This system has as many subscriptions as it may (NOTIFICATION_WEBHOOK_MAX_SUBSCRIPTIONS).',
  )
  async create(
    @CallingSystem() system: ExternalSystem,
    @Body() request: CreateSubscriptionRequest,
  ): Promise<SubscriptionWithSecretView> {
    return SubscriptionWithSecretView.withSecret(await this.subscriptions.create(system, request));
  }

  @Get()
  @ApiOperation({ summary: "This system's subscriptions (never a secret)" })
  @ApiOkResponse({ type: [SubscriptionView] })
  async list(@CallingSystem() system: ExternalSystem): Promise<SubscriptionView[]> {
    return (await this.subscriptions.list(system)).map((subscription) => SubscriptionView.of(subscription));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription: its state and run of failures (never its secret)' })
  @ApiOkResponse({ type: SubscriptionView })
  @ApiSubscriptionNotFound()
  async get(@CallingSystem() system: ExternalSystem, @Param('id') id: string): Promise<SubscriptionView> {
    return SubscriptionView.of(await this.subscriptions.get(system, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Unsubscribe; deliveries still pending or held are closed as failed (subscription-deleted)',
  })
  @ApiNoContentResponse()
  @ApiSubscriptionNotFound()
  delete(@CallingSystem() system: ExternalSystem, @Param('id') id: string): Promise<void> {
    return this.subscriptions.delete(system, id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the signing secret: the new one (shown this once) signs every delivery from now on',
  })
  @ApiOkResponse({ type: SubscriptionWithSecretView })
  @ApiSubscriptionNotFound()
  async rotateSecret(
    @CallingSystem() system: ExternalSystem,
    @Param('id') id: string,
  ): Promise<SubscriptionWithSecretView> {
    return SubscriptionWithSecretView.withSecret(await this.subscriptions.rotateSecret(system, id));
  }
}

import { ApiInvalidRequestResponse, CallingSystem, type ExternalSystem } from '@app/service-kit';
import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiSubscriptionNotFound, WebhookApi } from '../webhook-routes';
import { DeliveryLogQuery, DeliveryLogView, RedeliverRequest, RedeliveryView } from './delivery.dto';
import { WebhookDeliveries } from './webhook-deliveries';

@WebhookApi()
export class DeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveries) {}

  @Get(':id/deliveries')
  @ApiOperation({ summary: "The subscription's delivery log, newest first: each delivery with its attempts" })
  @ApiOkResponse({ type: DeliveryLogView })
  @ApiInvalidRequestResponse()
  @ApiSubscriptionNotFound()
  log(
    @CallingSystem() system: ExternalSystem,
    @Param('id') id: string,
    @Query() query: DeliveryLogQuery,
  ): Promise<DeliveryLogView> {
    return this.deliveries.log(system, id, query);
  }

  @Post(':id/redeliver')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Enable the subscription again and send its failed and held deliveries (since a moment) anew',
  })
  @ApiAcceptedResponse({ type: RedeliveryView })
  @ApiInvalidRequestResponse()
  @ApiSubscriptionNotFound()
  async redeliver(
    @CallingSystem() system: ExternalSystem,
    @Param('id') id: string,
    @Body() request: RedeliverRequest,
  ): Promise<RedeliveryView> {
    const since = request.since ? new Date(request.since) : undefined;
    return { requeued: await this.deliveries.redeliver(system, id, since) };
  }
}

/**
 * Staff's in-app messages (`GET /api/v1/notifications`): the views are a contract,
 * `@app/contracts/console-api/notifications`.
 */

/** The most messages one page may hold. */
export const MAX_NOTIFICATION_PAGE = 200;

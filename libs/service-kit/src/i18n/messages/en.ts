/**
 * English messages. Keys: `field.<code>` for a field error (its code from libs/contracts, see
 * FieldError.code), `request.<key>` for the top-level message of a 400, `http.<code>` for the message of
 * any other refusal. {{field}} is the field's dotted path; other placeholders are the rule's values.
 * A key with `_one` / `_other` (ru: also `_few` / `_many`) is chosen by {{count}}.
 */
export const en = {
  common: {
    value: 'value',
  },
  field: {
    passwordTooShort: '{{field}} must be at least {{min}} characters long',
    passwordIsUsername: '{{field}} must not be the username',
    organizationRequired: 'an operator works for one organisation: {{field}} is required',
    onlyForOperators: '{{field}} is only for operators',
    regionRequired: 'a supervisor oversees one region: {{field}} is required',
    onlyForSupervisors: '{{field}} is only for supervisors',
    searchNeedsWord: '{{field}} must contain a letter or a digit',
    idempotencyKeyRequired: 'the {{field}} header is required: 1 to {{max}} characters, new for each request',
    invalid: '{{field}} is invalid',
    isDefined: '{{field}} is required',
    notNull: '{{field}} must not be null: leave it out when there is none',
    requiredForChannel: '{{field}} is required when preferredChannel is {{channel}}',
    whitelistValidation: 'unknown property {{field}}',
    jsonObject: 'the value must be a JSON object',
    isObject: '{{field}} must be an object',
    isString: '{{field}} must be a string',
    isNotEmpty: '{{field}} must not be empty',
    isNotBlank: '{{field}} must not be blank',
    isLength_one: '{{field}} must be {{min}} to {{max}} character long',
    isLength_other: '{{field}} must be {{min}} to {{max}} characters long',
    minLength_one: '{{field}} must be at least {{min}} character long',
    minLength_other: '{{field}} must be at least {{min}} characters long',
    maxLength_one: '{{field}} must be at most {{max}} character long',
    maxLength_other: '{{field}} must be at most {{max}} characters long',
    min: '{{field}} must not be less than {{min}}',
    max: '{{field}} must not be greater than {{max}}',
    isArray: '{{field}} must be an array',
    arrayMinSize_one: '{{field}} must have at least {{min}} element',
    arrayMinSize_other: '{{field}} must have at least {{min}} elements',
    arrayMaxSize_one: '{{field}} must have at most {{max}} element',
    arrayMaxSize_other: '{{field}} must have at most {{max}} elements',
    isInt: '{{field}} must be a whole number',
    isNumber: '{{field}} must be a number',
    isPositive: '{{field}} must be a positive number',
    isBoolean: '{{field}} must be true or false',
    isEnum: '{{field}} must be one of: {{values}}',
    isIn: '{{field}} must be one of: {{values}}',
    equals: '{{field}} must be {{comparison}}',
    isEmail: '{{field}} must be an e-mail address',
    isUuid: '{{field}} must be a UUID',
    isUrl: '{{field}} must be a URL',
    httpsUrl: '{{field}} must be an https URL',
    urlUserinfo: '{{field}} must not contain a user name or password',
    unresolvableHost: 'the host of {{field}} does not resolve',
    nonPublicHost:
      'the host of {{field}} must be on the public internet, not a loopback, private or link-local address',
    arrayUnique: '{{field}} must not repeat a value',
    matches: '{{field}} has the wrong format',
    isIso8601: '{{field}} must be a date or date-time in ISO 8601 format',
    isDateString: '{{field}} must be a date or date-time in ISO 8601 format',
    isTimestamp:
      '{{field}} must be an RFC 3339 date-time with offset that exists on the calendar, in the years 1970 to 9999, e.g. 2025-03-01T09:30:00+05:00',
    isCalendarDay: '{{field}} must be a day on the calendar as YYYY-MM-DD, e.g. 2025-03-01',
    iinFormat: '{{field}} must be an IIN of 12 digits',
    iinCentury: "{{field}}: the IIN's 7th digit (century of birth and sex) must be 1 to 6",
    iinBirthDate: '{{field}}: the birth date in the IIN is not a real date',
    iinFutureBirthDate: '{{field}}: the birth date in the IIN is in the future',
    iinCheckDigit: "{{field}}: the IIN's check digit is wrong",
    katoFormat: '{{field}} must be a KATO code of 9 digits',
    katoRegion: "{{field}} must start with a region's KATO code ({{prefix}} is not one)",
    categoryCode: '{{field}} must be a lower-case dotted category code like roads.repair',
    levelCode: '{{field}} must be a lower-case level code like regional-akimat',
    actorId:
      '{{field}} must be an account or service id: Latin letters, digits and . _ : - (never an e-mail address)',
    mediaType: '{{field}} must be a media type like image/jpeg',
    sha256Hex: '{{field}} must be 64 hexadecimal digits (SHA-256)',
    e164Phone: '{{field}} must be a phone number in E.164 format, e.g. +77011234567',
    hasValidCloudEventExtensions:
      'extension attributes must have lower-case alphanumeric names and string, number or boolean values',
    wholeNumberRange: '{{field}} must be a whole number from {{min}} to {{max}}',
    yearRange: '{{field}} must be in the years {{min}}–{{max}}',
    exactlyOneOf: 'give exactly one of: {{fields}}',
    deadlineOutsideCalendar:
      "{{field}}: the deadline would fall in {{year}}, outside the calendar's years {{min}}–{{max}}",
    nulCharacter: '{{field}} must not contain the NUL character (U+0000)',
    loneSurrogate: '{{field}} must be well-formed Unicode, without lone UTF-16 surrogates',
    finiteNumber: '{{field}} must be a finite number',
    maxDepth_one: '{{field}} is nested deeper than {{max}} level',
    maxDepth_other: '{{field}} is nested deeper than {{max}} levels',
    maxEntries_one: '{{field}} must have at most {{max}} entry',
    maxEntries_other: '{{field}} must have at most {{max}} entries',
    moreFieldErrors_one: '{{count}} more field error not listed',
    moreFieldErrors_other: '{{count}} more field errors not listed',
    invalidJson: 'the request body is not valid JSON',
    invalidUtf8: 'the request body is not valid UTF-8',
    invalidCharacters: '{{field}} contains a NUL character or bytes that are not UTF-8',
    bodyTooLarge: 'the request body is larger than {{limit}}',
    unsupportedCharset: 'the charset of the request body is not supported; send UTF-8',
    unsupportedEncoding: 'the content encoding of the request body is not supported',
    unreadableBody: 'the request body cannot be read',
    submittedAtTooFarAhead:
      "{{field}} must not be more than {{tolerance}} ahead of the server's clock ({{now}}): give the moment the citizen submitted the appeal, or leave it out",
    submittedAtTooOld:
      '{{field}} must not be more than {{maxAge}} before the appeal is received ({{now}}): an older date would shorten the legal term; correct it, or leave it out so that the moment of receipt counts',
  },
  request: {
    'invalid-fields': 'the request has invalid fields',
    'invalid-query': 'the query has invalid parameters',
    'unreadable-body': 'the request body cannot be read',
    'unreadable-request': 'the address or a header of the request cannot be read',
  },
  http: {
    'bad-request': 'the request is not valid',
    unauthenticated: 'a valid access token is required',
    'invalid-credentials': 'the login or password is wrong',
    'invalid-token': 'the access token is not valid or has expired',
    forbidden: 'your role does not allow this action',
    'not-found': 'nothing was found at this address',
    'appeal-not-found': 'no appeal has this tracking number',
    'case-not-found': 'no such case among those you may see',
    'webhook-subscription-not-found': 'no webhook subscription of yours has this id',
    'method-not-allowed': 'this method is not allowed here',
    conflict: 'the request conflicts with the current state of the resource',
    'idempotency-key-reused': 'this Idempotency-Key was already used for a different appeal',
    'webhook-subscription-limit': 'you have as many webhook subscriptions as you may; delete one first',
    'stale-version': 'the case has changed since you read it; reload it and try again',
    'action-not-allowed': 'this action is not allowed in the current state of the case',
    'precondition-failed': 'a precondition of the request is not met',
    'precondition-required': 'send If-Match with the version of the case you read',
    'payload-too-large': 'the request body is too large',
    'unsupported-media-type': 'the request body must be JSON (application/json)',
    'too-many-requests': 'too many requests; wait a moment and try again',
    'internal-error': 'an unexpected error occurred',
    'temporarily-unavailable':
      'the service cannot reach its database right now; retry with the same Idempotency-Key',
    'client-error': 'the request cannot be served',
    'server-error': 'the service cannot answer right now',
    'server-busy': 'the service is busy; retry in a few seconds',
  },
} as const;

export type RequestMessage = keyof typeof en.request;
export type HttpErrorCode = keyof typeof en.http;

/** The shape every language follows: the same request and HTTP keys; field keys checked by a test (plurals vary). */
export interface Messages {
  common: Record<keyof typeof en.common, string>;
  field: Readonly<Record<string, string>>;
  request: Record<RequestMessage, string>;
  http: Record<HttpErrorCode, string>;
}

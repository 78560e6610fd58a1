/**
 * What every HTTP request and answer passes through before and after a module's handler: request limits and strict
 * JSON reading, problem answers from the error page, masking of personal data in answers to callers who may not see
 * it, the console's single-page routing, and the OpenAPI description with the schemas records become.
 */
package io.siyu.platform.internal.web;

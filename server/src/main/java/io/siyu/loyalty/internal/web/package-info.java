/** The loyalty module's HTTP endpoints: a member's points for operators and, in the consumer API, for the member. */
package io.siyu.loyalty.internal.web;

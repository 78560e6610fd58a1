/**
 * The in-app inbox: the channel whose messages the shop's app lists, marks read and receives as they come, through the
 * consumer API and a server-sent-events stream.
 */
package io.siyu.messaging.internal.inbox;

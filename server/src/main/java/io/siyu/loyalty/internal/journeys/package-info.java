/** What loyalty adds to journeys: the "grant points" action. */
package io.siyu.loyalty.internal.journeys;

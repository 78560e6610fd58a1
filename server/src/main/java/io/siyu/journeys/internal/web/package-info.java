/** The journeys' part of the operator API: journeys, their versions and status, entries through the API, reports. */
package io.siyu.journeys.internal.web;

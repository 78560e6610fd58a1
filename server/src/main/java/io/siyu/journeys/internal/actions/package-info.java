/** The actions journeys come with: send a message, set a trait. Other modules add theirs as beans. */
package io.siyu.journeys.internal.actions;

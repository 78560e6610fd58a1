/** The actions journeys come with: send a message, set a trait, call a webhook. Other modules add theirs as beans. */
package io.siyu.journeys.internal.actions;

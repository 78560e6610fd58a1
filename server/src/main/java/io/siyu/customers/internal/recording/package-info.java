/**
 * Recording a batch of touches, step by step ({@code TouchRecorder}): resolving its identities against the stored
 * graph ({@code IdentityResolver}), writing what it changed ({@code BatchWriter}), the timeline's rows with their
 * personal data masked and sealed ({@code TimelineRows}), the counters ({@code EventTally}) and the event table's
 * monthly partitions ({@code EventPartitions}). Depends on {@code identity}, {@code vault} and {@code profiles}.
 */
package io.siyu.customers.internal.recording;

package io.siyu.messaging.internal.respect;

/** What marketing needs from a customer who never decided on a channel. */
public enum ConsentMode {
    /** Marketing goes only to customers who granted the channel (the default; China's PIPL and the GDPR ask this). */
    OPT_IN,
    /** Marketing goes to every customer who did not deny the channel. */
    OPT_OUT
}

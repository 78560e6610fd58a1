/**
 * Value types and conventions every module speaks: money, keyset page cursors and problem answers (RFC 9457) that
 * name the field and the rule that was broken. It owns no tables and publishes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package io.siyu.shared;

import org.springframework.modulith.ApplicationModule;

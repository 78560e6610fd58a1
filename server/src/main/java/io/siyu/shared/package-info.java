/**
 * Value types and conventions every module speaks: money, keyset page cursors, problem answers (RFC 9457) that name
 * the field and the rule that was broken, and what counts as personal data ({@link io.siyu.shared.PersonalData}: phone
 * numbers and e-mail addresses, recognised and masked by what they are). It owns no tables and publishes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package io.siyu.shared;

import org.springframework.modulith.ApplicationModule;

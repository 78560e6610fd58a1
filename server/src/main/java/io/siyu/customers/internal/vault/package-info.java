/**
 * Personal data at rest: the phone numbers and e-mail addresses of identities and of timeline events sealed, looked
 * up by a keyed digest and opened again ({@code PersonalDataVault}), and the settings of the customers module
 * ({@code CustomersProperties}: the keys, the data folder, the brand's time zone). Depends on {@code identity}.
 */
package io.siyu.customers.internal.vault;

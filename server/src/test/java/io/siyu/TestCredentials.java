package io.siyu;

/** The credentials the test application is bootstrapped with. Test values, valid only in tests. */
public final class TestCredentials {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String WRITE_KEY = "sywk_test_write_key_0123456789abcdef";
    public static final String API_TOKEN = "sypat_test_api_token_0123456789abcdef";

    private TestCredentials() {}
}

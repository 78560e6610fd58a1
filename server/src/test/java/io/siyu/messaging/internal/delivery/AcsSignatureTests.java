package io.siyu.messaging.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The V3 signature of a fixed SendSms request, against the canonical request written out here by the documented steps
 * and the signature computed here from it with the JDK's own digest and MAC.
 */
class AcsSignatureTests {

    static final String EMPTY_BODY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    static Map<String, String> query() {
        var query = new LinkedHashMap<String, String>();
        query.put("TemplateParam", "{\"name\":\"Ying Li*\"}");
        query.put("PhoneNumbers", "13812345678");
        query.put("SignName", "思语");
        query.put("TemplateCode", "SMS_100000001");
        query.put("OutId", "a~b");
        return query;
    }

    static Map<String, String> headers() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("x-acs-version", "2017-05-25");
        headers.put("host", "dysmsapi.aliyuncs.com");
        headers.put("x-acs-action", "SendSms");
        headers.put("x-acs-date", "2026-12-07T08:00:00Z");
        headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
        return headers;
    }

    @Test
    void aFixedRequestHasTheDocumentedCanonicalRequestAndSignature() throws Exception {
        var signed = AcsSignature.sign("POST", "/", query(), headers(), new byte[0], "AKID", "secret");

        var canonical = "POST\n/\n"
                + "OutId=a~b&PhoneNumbers=13812345678&SignName=%E6%80%9D%E8%AF%AD&TemplateCode=SMS_100000001"
                + "&TemplateParam=%7B%22name%22%3A%22Ying%20Li%2A%22%7D\n"
                + "host:dysmsapi.aliyuncs.com\n"
                + "x-acs-action:SendSms\n"
                + "x-acs-content-sha256:" + EMPTY_BODY_HASH + "\n"
                + "x-acs-date:2026-12-07T08:00:00Z\n"
                + "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n"
                + "x-acs-version:2017-05-25\n"
                + "\n"
                + "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n"
                + EMPTY_BODY_HASH;
        assertThat(signed.canonicalRequest()).isEqualTo(canonical);
        var stringToSign =
                "ACS3-HMAC-SHA256\n" + hex(MessageDigest.getInstance("SHA-256").digest(bytes(canonical)));
        assertThat(signed.stringToSign()).isEqualTo(stringToSign);
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(bytes("secret"), "HmacSHA256"));
        var signature = hex(mac.doFinal(bytes(stringToSign)));
        assertThat(signed.signature()).isEqualTo(signature);
        assertThat(signed.headers())
                .containsEntry("x-acs-content-sha256", EMPTY_BODY_HASH)
                .containsEntry(
                        "authorization",
                        "ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
                                + "x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=" + signature);
    }

    @Test
    void anotherSecretOrAnotherValueSignsDifferently() {
        var signature = AcsSignature.sign("POST", "/", query(), headers(), new byte[0], "AKID", "secret")
                .signature();
        var otherSecret = AcsSignature.sign("POST", "/", query(), headers(), new byte[0], "AKID", "secret2")
                .signature();
        var otherQuery = query();
        otherQuery.put("PhoneNumbers", "13812345679");
        var otherValue = AcsSignature.sign("POST", "/", otherQuery, headers(), new byte[0], "AKID", "secret")
                .signature();

        assertThat(signature).isNotEqualTo(otherSecret).isNotEqualTo(otherValue);
    }

    @Test
    void percentEncodingFollowsRfc3986() {
        assertThat(AcsSignature.percentEncode("a b*c~d+e/f")).isEqualTo("a%20b%2Ac~d%2Be%2Ff");
        assertThat(AcsSignature.percentEncode("退订")).isEqualTo("%E9%80%80%E8%AE%A2");
        assertThat(AcsSignature.percentEncode("A-Z_a.z0")).isEqualTo("A-Z_a.z0");
    }

    @Test
    void aBodyIsHashedIntoTheSignedHeaders() {
        var signed = AcsSignature.sign("POST", "/", Map.of(), headers(), bytes("{}"), "AKID", "secret");

        assertThat(signed.headers().get("x-acs-content-sha256"))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

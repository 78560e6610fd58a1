package io.siyu.messaging.internal.tracking;

import io.siyu.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * WeChat's message push protocol (消息推送), as its server configuration documents it for official accounts and
 * mini-programs: the signature of a push ({@code sha1} of the Token, {@code timestamp} and {@code nonce} sorted and
 * joined, and of the {@code Encrypt} element too in the safe mode), the safe mode's encryption (AES-256-CBC with the key
 * {@code Base64(EncodingAESKey + "=")}, the key's first 16 bytes as IV, PKCS#7 padding to 32 bytes, over 16 random
 * bytes, the message's length in 4 bytes network order, the message and the app's AppID), and the pushes' XML, read
 * without a document type, entities or external resources.
 */
final class WechatPushProtocol {

    private WechatPushProtocol() {}

    /** The signature WeChat computes over the given values: SHA-1 of them sorted and joined, in lowercase hex. */
    static String signature(String... values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1")
                            .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** Whether a signature given by the caller is the expected one, compared in constant time. */
    static boolean matches(String expected, @Nullable String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        given.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The message an {@code Encrypt} element carries, checked to be for the app: refused when it cannot be decrypted
     * with the key, its padding or length is broken, or it names another AppID.
     */
    static byte[] decrypt(String encodingAesKey, String encrypted, String appId) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encodingAesKey.strip() + "=");
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new InvalidInputException(
                    "encrypt_type",
                    "wechat-encoding-aes-key",
                    "the app's EncodingAESKey is not 43 letters or digits: give WeChat's in Messaging › Channels");
        }
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted.strip());
        } catch (IllegalArgumentException e) {
            throw refused("is not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % 32 != 0) {
            throw refused("is not a whole number of 32-byte blocks");
        }
        byte[] plain;
        try {
            var cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            plain = cipher.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw refused("cannot be decrypted with the EncodingAESKey");
        }
        var pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > 32) {
            throw refused("has no PKCS#7 padding: is the EncodingAESKey WeChat's?");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw refused("has no PKCS#7 padding: is the EncodingAESKey WeChat's?");
            }
        }
        var end = plain.length - pad;
        if (end < 20) {
            throw refused("is too short to hold a message");
        }
        var length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || length > end - 20) {
            throw refused("names a message longer than it holds");
        }
        var app = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(
                app.getBytes(StandardCharsets.UTF_8), appId.strip().getBytes(StandardCharsets.UTF_8))) {
            throw refused("is for another app than this AppID");
        }
        return Arrays.copyOfRange(plain, 20, 20 + length);
    }

    private static InvalidInputException refused(String detail) {
        return new InvalidInputException("Encrypt", "wechat-encryption", "the encrypted message " + detail);
    }

    /** The root element of a push's XML; refused naming the body when it is not well-formed XML of WeChat's form. */
    static Element parse(byte[] xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            var root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
            if (!root.getTagName().equals("xml")) {
                throw new InvalidInputException("body", "wechat-xml", "must be WeChat's <xml> push");
            }
            return root;
        } catch (SAXException | IOException e) {
            throw new InvalidInputException(
                    "body", "xml", "must be well-formed XML without a document type, as WeChat pushes");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser takes the secure features", e);
        }
    }

    /** The text of the element's first child of that name, stripped; null when it has none or it is empty. */
    static @Nullable String text(Element parent, String name) {
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && child.getNodeName().equals(name)) {
                var text = child.getTextContent().strip();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }

    /** The element's children of that name. */
    static List<Element> children(@Nullable Element parent, String name) {
        var children = new ArrayList<Element>();
        if (parent == null) {
            return children;
        }
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && child.getNodeName().equals(name)) {
                children.add((Element) child);
            }
        }
        return children;
    }

    /** The element's first child of that name, or null. */
    static @Nullable Element child(Element parent, String name) {
        var children = children(parent, name);
        return children.isEmpty() ? null : children.getFirst();
    }
}

import NIOSSL
import Testing

@testable import Mail

/// TLS failures are told by their type, and each says what to do about it.
@Suite struct SMTPTLSErrorTests {
    @Test func aRefusedCertificateSuggestsTheCASetting() throws {
        let refused = try #require(
            MailError.tls(NIOSSLError.handshakeFailed(.sslError([])), host: "mail.example.org", caFile: nil))
        #expect(refused.kind == .temporary)
        #expect(refused.message.hasPrefix("TLS with the server failed ("))
        #expect(refused.message.hasSuffix("if mail.example.org uses a private CA, add ?ca=/path/to/ca.pem to the URL"))
        let withCA = try #require(
            MailError.tls(NIOSSLExtraError.failedToValidateHostname, host: "mail.example.org", caFile: "/etc/ca.pem"))
        #expect(withCA.message.contains("check that /etc/ca.pem (?ca=) is the CA that signed mail.example.org's"))
    }

    @Test func anUnreadableCAFileIsNamed() throws {
        let error = try #require(
            MailError.tls(NIOSSLError.failedToLoadCertificate, host: "mail.example.org", caFile: "/etc/ca.pem"))
        #expect(error.message.hasPrefix("cannot load the CA certificate /etc/ca.pem given as ?ca= in the mail URL"))
    }

    @Test func otherTLSErrorsSayTLSAndOthersAreNotTLS() throws {
        let unclean = try #require(MailError.tls(NIOSSLError.uncleanShutdown, host: "h", caFile: nil))
        #expect(unclean.message == "TLS with the server failed (uncleanShutdown)")
        #expect(MailError.tls(BoringSSLError.zeroReturn, host: "h", caFile: nil) != nil)
        // A message that merely mentions a certificate is not a TLS error.
        #expect(MailError.tls(MailError(.temporary, "certificate handshake"), host: "h", caFile: nil) == nil)
    }
}

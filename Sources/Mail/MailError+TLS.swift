import NIOSSL

extension MailError {
    /// `error` as a TLS failure a person can act on, or nil when it is not one. Told by
    /// the error's type, never its text: a refused certificate or handshake suggests the
    /// CA setting, an unreadable CA file names it, and the rest say TLS failed. All are
    /// temporary, so a fixed setting sends the messages still waiting.
    static func tls(_ error: any Error, host: String, caFile: String?) -> MailError? {
        let certificate: Bool
        switch error {
        case let error as NIOSSLError:
            switch error {
            case .handshakeFailed, .unableToValidateCertificate, .noCertificateToValidate, .cannotMatchULabel:
                certificate = true
            case .failedToLoadCertificate, .noSuchFilesystemObject:
                return MailError(
                    .temporary,
                    "cannot load the CA certificate \(caFile ?? "") given as ?ca= in the mail URL (\(error)); "
                        + "it must be a readable PEM file")
            default:
                certificate = false
            }
        case let error as NIOSSLExtraError:
            certificate = error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch
        case is BoringSSLError:
            certificate = false
        default:
            return nil
        }
        guard certificate else { return MailError(.temporary, "TLS with the server failed (\(error))") }
        let advice =
            caFile.map { "check that \($0) (?ca=) is the CA that signed \(host)'s certificate" }
            ?? "if \(host) uses a private CA, add ?ca=/path/to/ca.pem to the URL"
        return MailError(.temporary, "TLS with the server failed (\(error)); \(advice)")
    }
}

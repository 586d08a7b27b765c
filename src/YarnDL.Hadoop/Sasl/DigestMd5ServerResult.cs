namespace YarnDL.Hadoop.Sasl;

/// <summary>An accepted DIGEST-MD5 response: the token identifier, the <c>rspauth=…</c> token for SUCCESS, and the security
/// layer (null for auth).</summary>
internal sealed record DigestMd5ServerResult(byte[] Identifier, string RspAuth, DigestSecurityLayer? SecurityLayer);

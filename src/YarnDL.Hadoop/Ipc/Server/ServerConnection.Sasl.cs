using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Sasl;
using ErrorCode = YarnDL.Hadoop.Protos.Common.RpcResponseHeaderProto.Types.RpcErrorCodeProto;
using SaslState = YarnDL.Hadoop.Protos.Common.RpcSaslProto.Types.SaslState;

namespace YarnDL.Hadoop.Ipc.Server;

/// <summary>Server side of the SASL exchange: NEGOTIATE with a piggy-backed challenge, INITIATE, SUCCESS.</summary>
internal sealed partial class ServerConnection
{
    private DigestMd5Server? _digest;
    private RpcSaslProto.Types.SaslAuth? _advertised;

    private void HandleSasl(RpcSaslProto message)
    {
        switch (_phase)
        {
            case Phase.SaslNegotiate when message.State == SaslState.Negotiate:
                Negotiate();
                break;
            case Phase.SaslInitiate when message.State == SaslState.Initiate:
                Initiate(message);
                break;
            case var _ when message.State == SaslState.Wrap:
                throw SaslFatal(ErrorCode.FatalInvalidRpcHeader, HadoopExceptionNames.SaslException, "Server is not wrapping data");
            default:
                throw SaslFatal(ErrorCode.FatalInvalidRpcHeader, HadoopExceptionNames.SaslException, $"Unexpected SASL {message.State} at this point of the negotiation.");
        }
    }

    private void Negotiate()
    {
        var lookup = _server.Options.TokenSecretLookup;
        if (lookup is null)
        {
            if (!_server.Options.AllowSimple)
            {
                throw SaslFatal(ErrorCode.FatalUnauthorized, HadoopExceptionNames.AccessControl, "No authentication method is enabled.");
            }

            _phase = Phase.Context;
            Reply(ServerResponses.Sasl(new RpcSaslProto { State = SaslState.Success }));
            return;
        }

        _digest = new DigestMd5Server(lookup, _server.Options.Protection);
        _advertised = new RpcSaslProto.Types.SaslAuth { Method = "TOKEN", Mechanism = "DIGEST-MD5", Protocol = string.Empty, ServerId = DigestMd5.Realm };
        var offered = _advertised.Clone();
        offered.Challenge = ByteString.CopyFromUtf8(_digest.Challenge);
        _phase = Phase.SaslInitiate;
        Reply(ServerResponses.Sasl(new RpcSaslProto { State = SaslState.Negotiate, Auths = { offered } }));
    }

    private void Initiate(RpcSaslProto message)
    {
        if (message.Auths.Count != 1 || !message.Auths[0].Equals(_advertised))
        {
            var method = message.Auths.Count > 0 ? message.Auths[0].Method : "(none)";
            throw SaslFatal(ErrorCode.FatalUnauthorized, HadoopExceptionNames.AccessControl, $"{method} authentication is not enabled.  Available:[TOKEN]");
        }

        if (!message.HasToken)
        {
            throw SaslFatal(ErrorCode.FatalUnauthorized, HadoopExceptionNames.SaslException, "DIGEST-MD5: INITIATE carries no response.");
        }

        try
        {
            var result = _digest!.Verify(message.Token.ToStringUtf8());
            _tokenIdentifier = result.Identifier;
            _user = _server.Options.TokenUser?.Invoke(result.Identifier) ?? Convert.ToBase64String(result.Identifier);
            _phase = Phase.Context;
            Reply(ServerResponses.Sasl(new RpcSaslProto { State = SaslState.Success, Token = ByteString.CopyFromUtf8(result.RspAuth) }));

            // As Hadoop's server: wrapping starts only after the last SASL reply went out unwrapped.
            UseSecurityLayer(result.SecurityLayer);
        }
        catch (SaslRejectedException ex)
        {
            throw SaslFatal(ErrorCode.FatalUnauthorized, ex.ClassName, ex.Message);
        }
    }

    private static FatalConnectionException SaslFatal(ErrorCode code, string className, string message) =>
        new(RpcConstants.SaslCallId, code, className, message);
}

using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Sasl;
using SaslState = YarnDL.Hadoop.Protos.Common.RpcSaslProto.Types.SaslState;

namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>Preamble, SASL exchange and connection context.</summary>
internal sealed partial class ClientConnection
{
    private const int MaxSaslRounds = 8;

    private async Task HandshakeAsync(string protocol, HadoopAuth auth, CancellationToken cancellationToken)
    {
        var context = new IpcConnectionContextProto { Protocol = protocol, UserInfo = new UserInformationProto() };
        if (!auth.IsToken)
        {
            context.UserInfo.EffectiveUser = auth.User;
            await WriteDirectAsync(RpcConstants.Preamble(RpcConstants.AuthNone), cancellationToken);
        }
        else
        {
            await WriteDirectAsync(RpcConstants.Preamble(RpcConstants.AuthSasl), cancellationToken);
            await SaslAsync(auth, cancellationToken);
        }

        var header = NewHeader(RpcConstants.ConnectionContextCallId, _clientId, RpcConstants.InvalidRetryCount);
        await WriteDirectAsync(Protect(RpcFrame.Build(header, context)), cancellationToken);
    }

    private async Task SaslAsync(HadoopAuth auth, CancellationToken cancellationToken)
    {
        await SendSaslAsync(new RpcSaslProto { State = SaslState.Negotiate }, cancellationToken);
        var reply = await ReadSaslAsync(cancellationToken);
        if (reply.State == SaslState.Success)
        {
            throw new HadoopSaslException("Server allows only SIMPLE authentication but a token was given; use HadoopAuth.Simple.");
        }

        if (reply.State != SaslState.Negotiate)
        {
            throw new HadoopSaslException($"Expected SASL NEGOTIATE, got {reply.State}.");
        }

        var chosen = reply.Auths.FirstOrDefault(a => a.Method == "TOKEN" && a.Mechanism == "DIGEST-MD5")
            ?? throw new HadoopSaslException(
                $"Server offers no TOKEN/DIGEST-MD5 authentication (offered: {string.Join(", ", reply.Auths.Select(a => a.Method + "/" + a.Mechanism))}).");
        var digest = new DigestMd5Client(auth.Identifier!, auth.Password!, _options.Protection);
        var echoed = chosen.Clone();
        echoed.ClearChallenge();
        var initiate = new RpcSaslProto { State = SaslState.Initiate, Auths = { echoed } };
        if (chosen.HasChallenge)
        {
            initiate.Token = ByteString.CopyFromUtf8(digest.Respond(chosen.Challenge.ToStringUtf8()));
        }

        await SendSaslAsync(initiate, cancellationToken);
        for (var round = 0; round < MaxSaslRounds; round++)
        {
            reply = await ReadSaslAsync(cancellationToken);
            switch (reply.State)
            {
                case SaslState.Success:
                    digest.VerifySuccess(reply.HasToken ? reply.Token.ToStringUtf8() : string.Empty);
                    UseSecurityLayer(digest.SecurityLayer);
                    return;
                case SaslState.Challenge when !digest.IsComplete:
                    var token = digest.Respond(reply.Token.ToStringUtf8());
                    await SendSaslAsync(new RpcSaslProto { State = SaslState.Response, Token = ByteString.CopyFromUtf8(token) }, cancellationToken);
                    break;
                default:
                    throw new HadoopSaslException($"Unexpected SASL state {reply.State} from the server.");
            }
        }

        throw new HadoopSaslException("SASL negotiation did not finish.");
    }

    private Task SendSaslAsync(RpcSaslProto message, CancellationToken cancellationToken)
    {
        var header = NewHeader(RpcConstants.SaslCallId, [], RpcConstants.InvalidRetryCount);
        return WriteDirectAsync(RpcFrame.Build(header, message), cancellationToken);
    }

    private async Task<RpcSaslProto> ReadSaslAsync(CancellationToken cancellationToken)
    {
        var frame = await _reader.ReadFrameAsync(cancellationToken)
            ?? throw new HadoopConnectionException("Server closed the connection during SASL negotiation.");
        return ParseSaslReply(frame.Span);
    }

    private static RpcSaslProto ParseSaslReply(ReadOnlySpan<byte> frame)
    {
        var body = new FrameBody(frame);
        var header = body.Next(RpcResponseHeaderProto.Parser);
        if (header.Status != RpcResponseHeaderProto.Types.RpcStatusProto.Success)
        {
            throw ToRemote(header, isFatal: header.Status == RpcResponseHeaderProto.Types.RpcStatusProto.Fatal);
        }

        if (unchecked((int)header.CallId) != RpcConstants.SaslCallId)
        {
            throw new HadoopSaslException($"Expected a SASL reply (callId -33), got callId {unchecked((int)header.CallId)}.");
        }

        var sasl = body.Next(RpcSaslProto.Parser);
        if (!RequiredFields.AreSet(sasl) || !body.AtEnd)
        {
            throw new HadoopSaslException("Malformed SASL reply.");
        }

        return sasl;
    }

    private async Task WriteDirectAsync(byte[] bytes, CancellationToken cancellationToken) =>
        await _stream.WriteAsync(bytes, cancellationToken);

}

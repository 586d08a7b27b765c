namespace YarnDL.Training.Distributed.ParameterServer;

internal sealed partial class ParameterServerNode
{
    private void ServeSync()
    {
        var sum = Array.Empty<float>();
        while (true)
        {
            for (var r = 0; r < _workers.Length; r++)
            {
                var op = ReceivePushOrBye(_workers[r]);
                if (op == PsOp.Bye)
                {
                    if (r != 0)
                    {
                        throw new PsProtocolException($"ps: worker {r} finished while worker 0 is still training (sync mode needs all workers in step)");
                    }

                    for (var o = 1; o < _workers.Length; o++)
                    {
                        _workers[o].Expect(PsOp.Bye);
                    }

                    return;
                }

                var g = _workers[r].Payload;
                if (g.Length < _weights.Length)
                {
                    throw new PsProtocolException($"ps: push of {g.Length} values from worker {r}, shard has {_weights.Length}");
                }

                if (r == 0)
                {
                    sum = sum.Length == g.Length ? sum : new float[g.Length];
                    g.CopyTo(sum);
                }
                else if (g.Length != sum.Length)
                {
                    throw new PsProtocolException($"ps: worker {r} pushed {g.Length} values, worker 0 pushed {sum.Length}");
                }
                else
                {
                    for (var i = 0; i < sum.Length; i++)
                    {
                        sum[i] += g[i];
                    }
                }
            }

            _optimizer.Apply(_backend, _weights, sum.AsSpan(0, _weights.Length));
            Updates++;
            foreach (var w in _workers)
            {
                w.Send(PsOp.Params, Updates, _weights, sum.AsSpan(_weights.Length));
            }
        }
    }

    private void ServeAsync()
    {
        var threads = _workers.Select((w, r) => new Thread(() => ServeOne(w, r)) { IsBackground = true, Name = $"ps-worker-{r}" }).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        if (_failures.TryDequeue(out var failure))
        {
            throw new PsProtocolException($"ps: a worker connection failed: {failure.Message}", failure);
        }
    }

    private void ServeOne(PsChannel w, int rank)
    {
        try
        {
            while (ReceivePushOrBye(w) == PsOp.Push)
            {
                var g = w.Payload;
                if (g.Length < _weights.Length)
                {
                    throw new PsProtocolException($"ps: push of {g.Length} values from worker {rank}, shard has {_weights.Length}");
                }

                lock (_gate)
                {
                    _optimizer.Apply(_backend, _weights, g[.._weights.Length]);
                    Updates++;
                    w.Send(PsOp.Params, Updates, _weights, g[_weights.Length..]);
                }
            }
        }
        catch (Exception e) when (e is PsProtocolException or System.Net.Sockets.SocketException)
        {
            _failures.Enqueue(e);
            foreach (var other in _workers)
            {
                other.Dispose();
            }
        }
    }

    /// <summary>Next Push or Bye from <paramref name="w"/>, answering state pulls (from the chief) on the way.</summary>
    private PsOp ReceivePushOrBye(PsChannel w)
    {
        while (true)
        {
            var (op, _) = w.Receive();
            switch (op)
            {
                case PsOp.Push or PsOp.Bye:
                    return op;
                case PsOp.PullState:
                    lock (_gate)
                    {
                        SendState(w);
                    }

                    break;
                default:
                    throw new PsProtocolException($"ps: unexpected {op} from {w.Peer}");
            }
        }
    }
}

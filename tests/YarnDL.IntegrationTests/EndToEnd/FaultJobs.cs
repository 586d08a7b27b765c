namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>The small jobs of the end-to-end fault suite: the digits MLP, 2 CPU workers, a fixed seed, frequent checkpoints.</summary>
internal static class FaultJobs
{
    /// <summary>Steps of one epoch of <see cref="OneTrial"/> (1437 training examples / batch 16), for "mid-training" triggers.
    /// The job is long (40 epochs of a 512-unit MLP) so that trainers report steps (every 2 s) well before they finish.</summary>
    public const int StepsPerEpoch = 89;

    /// <summary>One trial (a one-point sweep, so the AM ranks it and reports its val_accuracy) of two workers; <c>$CKPT</c> becomes a fresh local checkpoint dir.</summary>
    public const string OneTrial = """
        name: e2e-faults
        am: { memory: 512m, vcores: 1, mode: local }
        trainer: { model: mlp, dataset: digits, epochs: 40, batch-size: 16, optimizer: sgd, momentum: 0.9, learning-rate: 0.05, hidden-units: 512, strategy: allreduce, seed: 7 }
        roles:
          worker: { instances: 2, memory: 512m, vcores: 1, gpus: 0 }
        sweep: { strategy: grid, parallel: 1, max-trials: 1, objective: { metric: val_accuracy, goal: maximize }, parameters: { learning-rate: [0.05] } }
        restart: { policy: on-failure, max-restarts: 3 }
        checkpoint: { dir: $CKPT, every-steps: 30 }
        deadlines: { allocation: 2m, registration: 2m, job: 5m }
        """;

    /// <summary>As <see cref="OneTrial"/> with the CNN, whose two ranks take the factored step (hidden-layer factors
    /// instead of its gradient, the layer's rows split between them). Long enough (60 epochs of batch 16, no target)
    /// that the trainers report steps before they finish.</summary>
    public static readonly string CnnTrial = OneTrial
        .Replace("name: e2e-faults", "name: e2e-faults-cnn", StringComparison.Ordinal)
        .Replace(
            "model: mlp, dataset: digits, epochs: 40, batch-size: 16, optimizer: sgd, momentum: 0.9, learning-rate: 0.05, hidden-units: 512,",
            "model: cnn, dataset: digits, epochs: 60, batch-size: 16, optimizer: adam, learning-rate: 0.003,",
            StringComparison.Ordinal)
        .Replace("learning-rate: [0.05]", "learning-rate: [0.003]", StringComparison.Ordinal);
}

using System.Globalization;
using YarnDL.Training.Config;
using YarnDL.Training.Model;

namespace YarnDL.Training.Session;

internal sealed partial class TrainingSession
{
    private void InitializeFrom(IModel model)
    {
        if (InitFrom is null)
        {
            return;
        }

        var state = InitFrom.TryLoad() ?? throw new TrainerConfigException($"init-from: no checkpoint at {InitFrom.PathName}");
        if (state.Parameters.Length != model.Parameters.Length)
        {
            throw new TrainerConfigException($"init-from: {InitFrom.PathName} holds {state.Parameters.Length} parameters, this {options.Model} has {model.Parameters.Length} (same model, hidden size and data shape needed)");
        }

        state.Parameters.CopyTo(model.Parameters, 0);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"initialized from {InitFrom.PathName} (step {state.Step}); optimizer state starts fresh"));
    }

    /// <summary>The layers named in <c>freeze</c>; their gradient is zeroed every step, so a fresh optimizer never moves them.</summary>
    private List<LayerSlice> FrozenSlices(IModel model)
    {
        var frozen = new List<LayerSlice>();
        foreach (var name in options.Freeze)
        {
            var layer = model.Layers.FirstOrDefault(l => l.Name == name)
                ?? throw new TrainerConfigException($"freeze: no layer '{name}' in {options.Model} (layers: {string.Join(", ", model.Layers.Select(l => l.Name))})");
            frozen.Add(layer);
        }

        return frozen;
    }
}

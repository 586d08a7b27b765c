namespace YarnDL.Training.Compute.Ilgpu;

/// <summary>Adam's per-step scalars, passed to the kernel as one value.</summary>
internal readonly record struct AdamScalars(float LearningRate, float Beta1, float Beta2, float Epsilon, float Correction1, float Correction2);

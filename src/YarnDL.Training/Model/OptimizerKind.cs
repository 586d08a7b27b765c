namespace YarnDL.Training.Model;

internal enum OptimizerKind
{
    Sgd = 0,
    Adam = 1,
}

namespace YarnDL.Training.Model;

public enum OptimizerKind
{
    Sgd = 0,
    Adam = 1,
}

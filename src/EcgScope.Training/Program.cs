using EcgScope.Training;

return TrainCommand.Create().Parse(args).Invoke();

using EcgScope.Cli;

return EcgScopeCommand.Create().Parse(args).Invoke();

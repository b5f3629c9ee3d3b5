using EcgScope.Cli;

return EcgScopeCommand.Run(args);

namespace EcgScope.Web;

/// <summary>
/// The key of the pages' text resources. The English text is the key itself; Resources/SharedResource.nl.resx holds
/// the Dutch, and another language is one more such file (and its name in <see cref="Localization.ReportCultures"/>).
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; it must be instantiable as a type argument.
public sealed class SharedResource;
#pragma warning restore CA1052

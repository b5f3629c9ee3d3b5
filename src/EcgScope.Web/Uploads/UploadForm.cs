using System.Globalization;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Web.Analyses;

namespace EcgScope.Web.Uploads;

/// <summary>The upload form's fields, shared by the page and the API: device type, and sampling rate and unit for files that lack them.</summary>
public static class UploadForm
{
    /// <summary>The field names.</summary>
    public const string DeviceTypeField = "deviceType", SamplingRateField = "samplingRateHz", UnitField = "unit", ModelField = "model";

    /// <summary>The units a person may choose.</summary>
    public static IReadOnlyList<string> Units { get; } = ["mV", "uV", "V"];

    /// <summary>The fields of <paramref name="form"/>.</summary>
    /// <exception cref="UploadRejectedException">A field holds something else than it accepts.</exception>
    public static UploadFields Fields(IFormCollection form)
    {
        var device = DeviceType.Unspecified;
        if (Given(form, DeviceTypeField) is { } deviceText && !Enum.TryParse(deviceText, ignoreCase: true, out device))
        {
            throw new UploadRejectedException($"{DeviceTypeField} '{deviceText}' is not one of appleWatch, samsung, kardia, other.");
        }

        SamplingRate? rate = null;
        if (Given(form, SamplingRateField) is { } rateText)
        {
            rate = double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var hertz) && hertz is >= 1 and <= 100_000
                ? new SamplingRate(hertz)
                : throw new UploadRejectedException($"{SamplingRateField} '{rateText}' is not a sampling rate in Hz between 1 and 100000.");
        }

        var unit = Given(form, UnitField);
        if (unit is not null && !Units.Contains(unit, StringComparer.OrdinalIgnoreCase))
        {
            throw new UploadRejectedException($"{UnitField} '{unit}' is not one of {string.Join(", ", Units)}.");
        }

        var models = form.TryGetValue(ModelField, out var chosen) ? chosen.OfType<string>().Where(name => name.Length > 0).ToList() : [];
        return new UploadFields(device, new EcgReadOptions { SamplingRate = rate, Unit = unit }, models);
    }

    private static string? Given(IFormCollection form, string field) =>
        form.TryGetValue(field, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;
}

namespace ItssMonitor.Server.Security;

/// <summary>Security evaluation: the <c>security-evaluation</c> job and its options (section <c>Security:AuthFailures</c>).</summary>
internal static class SecurityServices
{
    public static IServiceCollection AddSecurityEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthFailureOptions>().Bind(configuration.GetSection(AuthFailureOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<SecurityEvaluationJob>();
        return services;
    }
}

namespace ItssMonitor.Server.Access;

/// <summary>Why an account change was refused: the HTTP status the API answers with, a title and a detail people read.</summary>
internal sealed record AccountProblem(int StatusCode, string Title, string Detail)
{
    public IResult ToResult() => Results.Problem(Detail, statusCode: StatusCode, title: Title);
}

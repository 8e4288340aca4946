using GtmBot.Storage.Writes;
using Microsoft.Data.Sqlite;

namespace GtmBot.Storage.Quotes;

/// <summary>
/// The capture's INSERT on SQLite as a prepared statement on the writer's connection: no change tracking and no SQL
/// generated or parsed per quote (EF Core's SaveChanges was the largest share of a capture's CPU). Writes the same columns,
/// in the same formats, as EF Core does (a test compares the two rows column by column).
/// </summary>
internal static class QuoteInsert
{
    private static readonly string[] Columns =
    [
        nameof(QuoteEntity.WorkspaceKey), nameof(QuoteEntity.Channel), nameof(QuoteEntity.Text), nameof(QuoteEntity.Customer),
        nameof(QuoteEntity.Language), nameof(QuoteEntity.CapturedBy), nameof(QuoteEntity.CapturedByName), nameof(QuoteEntity.Author),
        nameof(QuoteEntity.AuthorName), nameof(QuoteEntity.Permalink), nameof(QuoteEntity.MessageId), nameof(QuoteEntity.Source),
        nameof(QuoteEntity.CapturedAt), nameof(QuoteEntity.AutoTags), nameof(QuoteEntity.AutoMotive), nameof(QuoteEntity.SuggestedTags),
        nameof(QuoteEntity.TaggedAt), nameof(QuoteEntity.Fingerprint), nameof(QuoteEntity.SearchText),
    ];

    private static readonly string Sql =
        $"INSERT INTO quotes ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))}) RETURNING \"Id\"";

    /// <summary>Inserts <paramref name="row"/> in the batch's transaction and returns its id.</summary>
    public static long Run(WriteBatch batch, QuoteEntity row)
    {
        var cmd = batch.Command(Sql, Declare);
        var p = cmd.Parameters;
        Set(p[0], row.WorkspaceKey);
        Set(p[1], row.Channel);
        Set(p[2], row.Text);
        Set(p[3], row.Customer);
        Set(p[4], row.Language);
        Set(p[5], row.CapturedBy);
        Set(p[6], row.CapturedByName);
        Set(p[7], row.Author);
        Set(p[8], row.AuthorName);
        Set(p[9], row.Permalink);
        Set(p[10], row.MessageId);
        Set(p[11], row.Source);
        p[12].Value = row.CapturedAt;
        Set(p[13], row.AutoTags);
        Set(p[14], row.AutoMotive);
        Set(p[15], row.SuggestedTags);
        p[16].Value = row.TaggedAt;
        Set(p[17], row.Fingerprint);
        Set(p[18], row.SearchText);
        var id = (long)cmd.ExecuteScalar()!;
        batch.QuotesInserted++;
        return id;
    }

    private static void Declare(SqliteParameterCollection parameters)
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        }
    }

    private static void Set(SqliteParameter parameter, string? value) => parameter.Value = (object?)value ?? DBNull.Value;
}

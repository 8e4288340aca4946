using Microsoft.EntityFrameworkCore.Migrations;

namespace GtmBot.Storage.Migrations;

/// <summary>
/// The data half of the <c>DrillNumbers</c> migration, the same SQL on both providers. Drills were numbered by their global
/// id; now each channel counts its own (#1, #2, …), in the order the drills were started. Drills that had already left the
/// asking stage had their last answer taken as the root cause, so that is what they keep, marked as that answer.
/// </summary>
internal static class DrillNumberValues
{
    /// <summary>Runs after the columns are added and before the unique index on the number is created.</summary>
    public static void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE drills SET "Number" = (
                SELECT COUNT(*) FROM drills d
                WHERE d."WorkspaceKey" = drills."WorkspaceKey" AND d."Channel" = drills."Channel" AND d."Id" <= drills."Id");
            """);
        migrationBuilder.Sql("""
            UPDATE drills SET
                "RootCause" = (SELECT a."Text" FROM drill_answers a WHERE a."DrillId" = drills."Id" ORDER BY a."Step" DESC LIMIT 1),
                "RootCauseStep" = (SELECT MAX(a."Step") FROM drill_answers a WHERE a."DrillId" = drills."Id")
            WHERE "Stage" <> 'Asking' AND "AnswerCount" > 0;
            """);
    }

    /// <summary>Back to the stages the old version knows: a drill at "why us?" or picking its root cause waits for need or want.</summary>
    public static void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""UPDATE drills SET "Stage" = 'NeedOrWant' WHERE "Stage" IN ('WhyUs', 'PickRoot');""");
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GtmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlackInstallations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "installations",
                columns: table => new
                {
                    WorkspaceKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Workspace = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnterpriseId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IsEnterpriseInstall = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BotUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BotId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InstalledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    InstalledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_installations", x => new { x.WorkspaceKey, x.Channel });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "installations");
        }
    }
}

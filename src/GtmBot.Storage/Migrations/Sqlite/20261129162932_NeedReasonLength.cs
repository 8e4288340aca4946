using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GtmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NeedReasonLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}

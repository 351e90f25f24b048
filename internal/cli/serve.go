package cli

import (
	"fmt"
	"log/slog"
	"net"
	"os"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/server"
	"github.com/ladderhq/ladder/internal/sqldb"
)

func newServeCmd(e *env) *cobra.Command {
	var addr, logLevel string
	var demoMode bool
	var fm feedbackMail
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the web app (default http://127.0.0.1:8080)",
		Long: `Run the web app and the JSON API on the same database as the command line.
On the first visit you create the owner account. With --demo, visitors are
signed in as the demo person (Alex Moreno), so a newcomer sees a filled app at
once, and /demo?as=admin signs in as Morgan Hale, the owner of Alex's demo
organisation (Northwind IT); use it on your own machine, not on a shared
server.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			var level slog.Level
			if err := level.UnmarshalText([]byte(logLevel)); err != nil {
				return usageError{fmt.Errorf("--log-level: %v", err)}
			}
			log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
			j, err := e.open(ctx)
			if err != nil {
				return err
			}
			if err := fm.setUp(j); err != nil {
				return err
			}
			if demoMode {
				if _, _, err := demo.LoadOrg(ctx, j, j.DB.Now()); err != nil {
					return err
				}
			}
			srv, err := server.New(j, sqldb.NewAuthService(j.DB), log, demoMode)
			if err != nil {
				return err
			}
			return srv.ListenAndServe(ctx, addr, func(a net.Addr) {
				fmt.Fprintf(e.stdout, "Ladder is running at http://%s/ (%s database). Stop it with Ctrl+C.\n", a, j.DB.Engine())
				log.Info("listening", "addr", a.String(), "engine", j.DB.Engine(), "demo", demoMode, "mail", j.Mail != nil)
			})
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().BoolVar(&demoMode, "demo", false, "sign visitors in as the demo person")
	cmd.Flags().StringVar(&logLevel, "log-level", "info", "debug, info, warn or error")
	addFeedbackMailFlags(cmd, &fm, false)
	return cmd
}

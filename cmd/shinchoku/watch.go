package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/shinchoku/shinchoku/ingest/config"
	"github.com/shinchoku/shinchoku/report/terminal"
	"github.com/shinchoku/shinchoku/report/watch"
)

func newWatchCommand(cfg *config.Config) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "watch --period YYYY-MM",
		Short: "受付フォルダを見張り、届いた様式にその場で受付票か差し戻しを返します",
		Long: `提出期間中に動かしておくと、受付フォルダ（inbox）に届いた様式を、書き込みが終わりしだい
月次バッチ（run）と同じ検証にかけ、受付結果フォルダ（既定: <inbox>/受付結果/）に担当課ごとの結果を書きます。

  エラーあり: 差し戻し用ブック（差し戻し_<ファイル名>、問題のセルに色とコメント）
  エラーなし: 受付票（受付票_<ファイル名>.txt: ファイル、受付日時、SHA-256、受理予定、警告）
  全体:       提出状況.html（ブラウザでそのまま開ける・A4で印刷できる）と 提出状況.json

同じ課の前の結果は置き換えます。提出されたファイルは読むだけで、変更も移動もしません。
受理を決めるのは月次バッチ（run）です。watch は早く知らせるだけで、記録（store）には書きません。

変更の検知: ネットワーク上のフォルダ（Linux の CIFS/SMB・NFS などのマウント、Windows の UNC パス・
ネットワークドライブ）では --poll の間隔（既定 5秒）でフォルダを確認し、それ以外ではファイルシステムの通知を
使います。どちらを使っているかは最初の行に出ます。--poll 5s で確認に、--events で通知に固定できます。
止めるには Ctrl-C。もう一度起動すると、前回の結果を引き継ぎ、変わっていないファイルは読み直しません。`,
		Example: `  shinchoku watch --period 2024-09 --inbox '\\fileserver\共有\進捗\2024-09'
  shinchoku watch --period 2024-09 --inbox 提出/2024-09 --results 受付結果/2024-09
  shinchoku watch --period 2024-09 --poll 10s`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bindFlags(cfg, cmd, "period", "period", "inbox", "inbox", "store", "store", "watch.results", "results")
			period, err := cfg.Period()
			if err != nil {
				return err
			}
			poll, _ := cmd.Flags().GetDuration("poll")
			events, _ := cmd.Flags().GetBool("events")
			settle, _ := cmd.Flags().GetDuration("settle")
			o := watch.Options{Period: period, Inbox: cfg.Inbox(), Results: cfg.WatchResults(),
				Store: cfg.Store(), Office: cfg.Office(),
				Poll: poll, Settle: settle, Log: terminal.Escape(cmd.OutOrStdout())}
			switch {
			case cmd.Flags().Changed("poll") && events:
				return usagef(msgPollEvents)
			case cmd.Flags().Changed("poll"):
				o.Mode = watch.ModePoll
			case events:
				o.Mode = watch.ModeEvents
			}
			if err := o.Check(); err != nil {
				return err
			}
			if o.Plan, err = cfg.Plan(); err != nil {
				return err
			}
			if o.Required, err = cfg.Required(); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return watch.Run(ctx, o)
		},
	}
	cmd.Flags().String("period", "", "報告する月（YYYY-MM、例: 2024-09）")
	cmd.Flags().String("inbox", "", "提出された様式のフォルダ（既定: inbox/<期間>）")
	cmd.Flags().String("results", "", "受付結果を書くフォルダ（既定: <inbox>/受付結果）")
	cmd.Flags().String("store", "", "記録（SQLite）: 前回までの実績値との比較に読むだけ（既定: shinchoku-data/shinchoku.db）")
	cmd.Flags().Duration("poll", watch.DefaultPoll, "この間隔でフォルダを確認する（通知を使わない。例: 5s）")
	cmd.Flags().Bool("events", false, "ファイルシステムの通知を使う（ネットワーク上のフォルダでも）")
	cmd.Flags().Duration("settle", watch.DefaultSettle, "ファイルの大きさと更新日時がこの時間変わらなければ、書き込みが終わったとみなす")
	return cmd
}

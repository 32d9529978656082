import Hummingbird
import KalendariumCore
import Presentation
import Store

/// *Översikt*: the coming meetings with the state of their agenda, kallelse and
/// minutes; overdue items; the data's open warnings from `check`; the host rotation.
extension Workspace {
    func registerOverview(on router: Router<AppRequestContext>) {
        router.get(RouterPath(WorkspacePaths.overview)) { request, _ in
            try await page(request) { signed in
                let instant = now()
                let coming = signed.data.meetings.filter { ($0.ends.map { $0 > instant } ?? false) }
                    .sorted { ($0.starts ?? instant) < ($1.starts ?? instant) }.prefix(12)
                let ids = coming.map(\.id)
                let notices = try await store.noticesQueued(meetings: ids)
                var states: [WorkspacePage.MeetingState] = []
                for meeting in coming {
                    states.append(
                        WorkspacePage.MeetingState(
                            meeting: meeting, agenda: try await store.agenda(meeting: meeting.id),
                            noticeQueued: !(notices[meeting.id] ?? [:]).isEmpty,
                            minutes: try await store.minutes(meeting: meeting.id)))
                }
                let overdue = try await store.items(ItemFilter(statuses: [.open, .inProgress], dueBefore: today))
                return WorkspaceResponse.html(
                    .ok,
                    WorkspacePage.overview(
                        signed.viewer, coming: states, overdue: overdue, warnings: signed.published.warnings,
                        data: signed.data, today: today))
            }
        }
    }
}

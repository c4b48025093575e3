"""How far each target of a pledge has got, from its published progress updates."""

from dataclasses import dataclass


@dataclass(frozen=True)
class TargetProgress:
    target: object
    reached: int | None  # None: no update has reported on it yet
    as_of: object  # the date of the update that reported it

    @property
    def percent(self) -> int:
        if not self.reached or not self.target.number:
            return 0
        return min(100, round(100 * self.reached / self.target.number))


def progress_of(targets: list, updates: list) -> list[TargetProgress]:
    """Each target with the figure of the newest update that reported on it. `updates` are the
    published ones, newest first, with their `figure_list`."""
    progress = []
    for target in targets:
        found = next(
            (
                (figure.reached, update.date)
                for update in updates
                for figure in update.figure_list
                if figure.target_id == target.pk
            ),
            (None, None),
        )
        progress.append(TargetProgress(target, *found))
    return progress

from django_tasks import task

from hub.imports.models import ImportJob
from hub.imports.services import import_job_run


@task()
def run_import_job(*, job_id: int) -> None:
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is not None and job.status == ImportJob.Status.QUEUED:
        import_job_run(job=job)

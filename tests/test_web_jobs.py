"""The job runner of the web app (issue 31 item 1): every job in a worker process of a bounded pool, a quick lane
that never waits behind a long job, the queue position told honestly, cancel, memory and time limits, and jobs at
addresses that survive a reload, listed on the Pekerjaan page."""

from __future__ import annotations

import os
import time

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("pebble")

from webapp import MALANG, hog, make_client, sleeper, wait_job, wait_until  # noqa: E402


@pytest.fixture
def work(tmp_path):
    from rancang.web.jobs import Jobs

    jobs = Jobs(tmp_path / "keluaran", workers={"kecil": 1, "besar": 1}, memory=2 << 30, seconds=120)
    yield jobs
    jobs.shutdown()


def test_a_quick_job_does_not_wait_behind_a_long_one(work) -> None:
    from rancang.web.pages.baca import read_upload

    long = work.submit("uji", "OCR panjang", sleeper, 60, lane="besar")
    wait_until(lambda: work.get(long.id).state == "berjalan")
    quick = work.submit("baca", "Membaca malang.txt", read_upload, MALANG.read_bytes(), "malang.txt", "auto")
    wait_until(lambda: work.get(quick.id).done)
    assert quick.state == "selesai" and quick.result["reg"].pasals()
    assert work.get(long.id).state == "berjalan"  # still running: the quick one did not wait for it
    assert work.cancel(long.id).state == "dibatalkan"


def test_the_queue_position_is_told_honestly_and_a_running_job_can_be_cancelled(work) -> None:
    first = work.submit("uji", "pertama", sleeper, 60, lane="besar")
    second = work.submit("uji", "kedua", sleeper, 60, lane="besar")
    third = work.submit("uji", "ketiga", sleeper, 0.2, lane="besar")
    wait_until(lambda: work.get(first.id).state == "berjalan")
    assert work.queue(second) == (0, 1) and work.queue(third) == (1, 1)  # one lane worker: one runs, two wait
    work.cancel(first.id)  # its worker is stopped; the pool starts another, which takes the next job
    wait_until(lambda: work.get(second.id).state == "berjalan")
    assert work.queue(third) == (0, 1)
    work.cancel(second.id)
    wait_until(lambda: work.get(third.id).done)
    assert third.state == "selesai" and third.result == "bangun"
    assert [first.state, second.state] == ["dibatalkan", "dibatalkan"]


def test_a_job_past_its_time_limit_is_stopped_with_one_sentence(tmp_path) -> None:
    from rancang.web.jobs import Jobs

    work = Jobs(tmp_path, seconds=1)
    try:
        job = work.submit("uji", "lama", sleeper, 30)
        wait_until(lambda: work.get(job.id).done)
        assert job.state == "gagal" and "melampaui batas waktu" in job.error
    finally:
        work.shutdown()


def test_a_job_past_its_memory_limit_fails_alone(tmp_path) -> None:
    from rancang.web.jobs import Jobs

    work = Jobs(tmp_path, memory=2 << 30)
    try:
        job = work.submit("uji", "rakus", hog, 6144)
        wait_until(lambda: work.get(job.id).done)
        assert job.state == "gagal" and "batas memori 2048 MB" in job.error
        small = work.submit("uji", "hemat", hog, 10)  # the worker is still there for the next job
        wait_until(lambda: work.get(small.id).done)
        assert small.result == 10 * 1024 * 1024
    finally:
        work.shutdown()


def test_a_small_hostile_docx_past_the_memory_limit_ends_with_the_memory_sentence(tmp_path) -> None:
    """An 80 KB DOCX whose document.xml inflates to 30 MB of empty paragraphs (under the reader's 32 MB part bound)
    needs about 770 MB to parse (measured), where a 72 KB TXT needs under 400 MB. Under a 640 MB limit the job fails
    alone, and the page says the memory limit was passed, not that a sound file is "rusak" (lxml reports the failed
    allocation as an XML error); the lane's worker reads the next file."""
    from docx_build import build

    from rancang.web.jobs import Jobs
    from rancang.web.pages.baca import read_upload

    hostile = build("<w:p/>" * 5_000_000)
    assert len(hostile) < 100 * 1024
    work = Jobs(tmp_path, memory=640 << 20)
    try:
        job = work.submit("baca", "bom", read_upload, hostile, "bom.docx", "auto", lane="besar")
        wait_until(lambda: work.get(job.id).done)
        assert job.state == "gagal" and "melampaui batas memori 640 MB" in job.error and "rusak" not in job.error
        assert job.error.count(".") == 1 and "Traceback" not in job.error
        after = work.submit("baca", "malang", read_upload, MALANG.read_bytes(), "malang.txt", "auto", lane="besar")
        wait_until(lambda: work.get(after.id).done)
        assert after.state == "selesai", after.error
        assert after.result["reg"].pasals()
    finally:
        work.shutdown()


def test_a_reading_has_an_address_that_survives_a_reload(tmp_path) -> None:
    c = make_client(tmp_path, inline_jobs=False)
    r = c.post("/baca/unggah", files={"berkas": ("malang.txt", MALANG.read_bytes(), "text/plain")},
               headers={"HX-Request": "true"})
    address = r.headers["HX-Push-Url"]
    assert address.startswith("/baca/") and 'hx-get="/tugas/' in r.text
    first = wait_job(c, r.text)
    assert 'id="n-pasal-10"' in first
    again = c.get(address).text  # a reload: the whole page with the same reading
    assert again.lstrip().startswith("<!DOCTYPE html>") and 'id="n-pasal-10"' in again
    assert again.count('class="pasal"') == first.count('class="pasal"')
    listing = c.get("/pekerjaan").text
    assert "Membaca malang.txt" in listing and f'href="{address}"' in listing and "selesai" in listing
    c.app.state.jobs.shutdown()


def test_the_pekerjaan_page_cancels_and_removes(tmp_path) -> None:
    c = make_client(tmp_path, inline_jobs=False)
    work = c.app.state.jobs
    try:
        job = work.submit("uji", "Pekerjaan panjang", sleeper, 60, lane="besar")
        assert "Pekerjaan panjang" in c.get("/pekerjaan").text
        assert c.post(f"/pekerjaan/{job.id}/batal", headers={"HX-Request": "true"}).status_code == 200
        assert job.state == "dibatalkan" and "dibatalkan" in c.get("/pekerjaan").text
        c.post(f"/pekerjaan/{job.id}/hapus")
        assert "Pekerjaan panjang" not in c.get("/pekerjaan").text and not job.outdir.exists()
        assert c.get(f"/pekerjaan/{job.id}").status_code == 404
    finally:
        work.shutdown()


def test_search_and_comparison_addresses_are_stable(tmp_path) -> None:
    c = make_client(tmp_path)
    r = c.get("/cari/hasil", params={"q": "pengajuan sukarela", "daerah": "jepara"}, headers={"HX-Request": "true"})
    assert r.headers["HX-Replace-Url"] == "/cari?q=pengajuan+sukarela&daerah=jepara"
    assert c.get(r.headers["HX-Replace-Url"]).text.count("<mark>") == r.text.count("<mark>") > 0
    first = c.get("/bandingkan", params={"a": "bogor", "b": "jepara"})
    assert 'id="ringkasan"' in first.text
    again = c.get("/bandingkan", params={"a": "bogor", "b": "jepara"})
    assert len([j for j in c.app.state.jobs.all() if j.kind == "bandingkan"]) == 1  # the same job, not a new one
    assert again.text.count("<tr") == first.text.count("<tr")


def test_a_reading_outlives_a_restart_of_the_app_in_a_named_work_folder(tmp_path) -> None:
    c = make_client(tmp_path)  # workdir tmp/work: a folder the user named
    html = wait_job(c, c.post("/baca/unggah", files={"berkas": ("malang.txt", MALANG.read_bytes(), "text/plain")},
                              headers={"HX-Request": "true"}).text)
    jid = html.split('hx-post="/baca/simpan/')[1].split('"')[0]
    c.post(f"/baca/simpan/{jid}")
    again = make_client(tmp_path)  # the app started again on the same folders
    page = again.get(f"/baca/{jid}").text
    assert 'id="n-pasal-10"' in page and "Simpan ke korpus" not in page and "ke korpus" in page
    assert "Membaca malang.txt" in again.get("/pekerjaan").text


def test_kept_results_are_bounded_by_count_and_by_age(tmp_path) -> None:
    """The results kept for reloadable addresses never grow without bound: past ``keep`` ended jobs the oldest go,
    and a job that ended more than ``keep_seconds`` ago goes too, folder and all, also from a named work folder
    read back at a restart (with the folder of a job that never ended)."""
    from rancang.web.jobs import Jobs

    work = Jobs(tmp_path, keep=3, inline=True, keep_seconds=3600)
    done = [work.submit("uji", f"tugas {i}", sleeper, 0) for i in range(5)]
    assert [j.title for j in work.all()] == ["tugas 4", "tugas 3", "tugas 2"]  # the newest three
    assert not done[0].outdir.exists() and not done[1].outdir.exists() and done[2].outdir.exists()
    done[2].finished -= 7200  # ended two hours ago: past the hour kept
    assert work.get(done[2].id) is None and not done[2].outdir.exists()
    assert [j.title for j in work.all()] == ["tugas 4", "tugas 3"]
    done[3].finished -= 7200
    Jobs.record(done[3])  # its record now says it ended two hours ago
    stray = tmp_path / ("f" * 32)  # a job that was running when the app stopped: a folder without a record
    stray.mkdir()
    (stray / "keluaran.docx").write_bytes(b"x")
    os.utime(stray, (time.time() - 7200, time.time() - 7200))
    again = Jobs(tmp_path, keep=3, inline=True, keep_seconds=3600)
    assert [j.title for j in again.all()] == ["tugas 4"]
    assert not done[3].outdir.exists() and not stray.exists() and done[4].outdir.exists()


def test_the_pekerjaan_page_says_how_long_results_are_kept(tmp_path) -> None:
    c = make_client(tmp_path, keep_jobs=25, keep_days=3)
    assert "sampai 25 pekerjaan yang lebih baru selesai, atau paling lama 3 hari setelah selesai" in c.get(
        "/pekerjaan").text

package org.beaconpacs.archive.index;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.beaconpacs.archive.entity.index.Study;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/**
 * PostgreSQL's form of the store's short path (a new instance of a series stored into lately): one
 * statement, one round trip, where the portable form needs five (commit durability, study counter,
 * series counter, two inserts). Its data-modifying WITH clauses run in order of need: the study is
 * counted only if the SOP instance is new and the study active, the series only if the study was
 * counted, the rows inserted only if the series was; and the transaction's commit is told not to wait
 * for its WAL flush (IndexWriter explains why that is safe).
 */
final class RecentSeriesStatement {

    private static final String SQL = """
            with relaxed as (select set_config('synchronous_commit', 'off', true)),
            counted as (
                update study set number_of_instances = number_of_instances + 1,
                    size_bytes = size_bytes + cast(?1 as bigint), updated = cast(?2 as timestamp)
                where id = cast(?3 as bigint) and status = 'ACTIVE'
                    and not exists (select 1 from instance i where i.sop_uid = cast(?4 as varchar))
                returning id),
            in_series as (
                update series set number_of_instances = number_of_instances + 1, updated = cast(?2 as timestamp)
                where id = cast(?5 as bigint) and exists (select 1 from counted)
                returning id),
            new_instance as (
                insert into instance (series_fk, sop_uid, sop_class_uid, instance_number, attributes, created)
                select id, cast(?4 as varchar), cast(?6 as varchar), cast(?7 as integer), cast(?8 as bytea),
                    cast(?2 as timestamp)
                from in_series
                returning id),
            new_stored_object as (
                insert into stored_object (instance_fk, path, size_bytes, digest, digest_algorithm,
                    transfer_syntax, durable, source_ae, association_serial, created)
                select id, cast(?9 as varchar), cast(?1 as bigint), cast(?10 as varchar), cast(?11 as varchar),
                    cast(?12 as varchar), cast(?13 as boolean), cast(?14 as varchar), cast(?15 as bigint),
                    cast(?2 as timestamp)
                from new_instance
                returning id)
            select (select count(*) from counted), (select count(*) from new_stored_object),
                (select count(*) from relaxed)""";
    /** Hibernate's hint naming the tables the statement changes. */
    private static final List<String> TABLES = List.of("study", "series", "instance", "stored_object");

    /** What the statement did. */
    enum Outcome {
        /** Nothing changed: the instance is indexed already, or the study is gone or being deleted. */
        NOT_NEW,
        /** The study counted the instance but its series is gone: the caller undoes the count. */
        SERIES_GONE,
        /** Both counted, both rows inserted. */
        INSERTED
    }

    private RecentSeriesStatement() {
    }

    /** Counts and inserts the instance of {@code rq} at {@code path} into the series {@code known}. */
    static Outcome execute(EntityManager em, RecentSeries.Known known, IndexRequest rq, String path, Instant now) {
        Attributes ds = rq.dataset();
        Object[] counts = (Object[]) em.createNativeQuery(SQL)
                .setHint(Study.QUERY_SPACES, TABLES)
                .setParameter(1, rq.size())
                .setParameter(2, now)
                .setParameter(3, known.studyId())
                .setParameter(4, ds.getString(Tag.SOPInstanceUID))
                .setParameter(5, known.seriesId())
                .setParameter(6, ds.getString(Tag.SOPClassUID))
                .setParameter(7, IndexWriter.integer(ds, Tag.InstanceNumber))
                .setParameter(8, AttributeBlobs.encode(AttributeBlobs.level(ds, Level.INSTANCE)))
                .setParameter(9, path)
                .setParameter(10, rq.digest().get())
                .setParameter(11, rq.digestAlgorithm())
                .setParameter(12, rq.transferSyntax())
                .setParameter(13, rq.durable())
                .setParameter(14, rq.sourceAe())
                .setParameter(15, rq.associationSerial())
                .getSingleResult();
        if (((Number) counts[0]).longValue() == 0) {
            return Outcome.NOT_NEW;
        }
        return ((Number) counts[1]).longValue() == 0 ? Outcome.SERIES_GONE : Outcome.INSERTED;
    }
}

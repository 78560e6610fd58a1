package io.siyu.access.internal.operators;

import io.siyu.access.Role;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OperatorStore {

    private final JdbcClient jdbc;

    public OperatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Operator> byUsername(String username) {
        return jdbc.sql("select * from access.operator where lower(username) = lower(?)")
                .param(username)
                .query(OperatorStore::map)
                .optional();
    }

    public Optional<Operator> byId(long id) {
        return jdbc.sql("select * from access.operator where id = ?")
                .param(id)
                .query(OperatorStore::map)
                .optional();
    }

    public List<Operator> all() {
        return jdbc.sql("select * from access.operator order by id")
                .query(OperatorStore::map)
                .list();
    }

    public boolean any() {
        return jdbc.sql("select exists (select 1 from access.operator)")
                .query(Boolean.class)
                .single();
    }

    public long insert(String username, String displayName, Role role, String passwordHash, Instant now) {
        return jdbc.sql("""
                        insert into access.operator (username, display_name, role, password_hash, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(username, displayName, role.name(), passwordHash, ts(now), ts(now))
                .query(Long.class)
                .single();
    }

    /** Changes name, role and state; disabling moves the session epoch on, so that live sessions end. */
    public void update(long id, String displayName, Role role, boolean disabled, Instant now) {
        jdbc.sql("""
                        update access.operator
                           set display_name = ?, role = ?, disabled = ?, updated_at = ?,
                               session_epoch = session_epoch + case when ? and not disabled then 1 else 0 end
                         where id = ?""")
                .params(displayName, role.name(), disabled, ts(now), disabled, id)
                .update();
    }

    /**
     * Sets a new password and moves the session epoch on, so that sessions signed in with the old one end.
     *
     * @return the new epoch
     */
    public int changePassword(long id, String passwordHash, Instant now) {
        return jdbc.sql("""
                        update access.operator set password_hash = ?, session_epoch = session_epoch + 1,
                               updated_at = ? where id = ? returning session_epoch""")
                .params(passwordHash, ts(now), id)
                .query(Integer.class)
                .single();
    }

    /**
     * Re-hashes a password with the current algorithm; the password itself is the same, so sessions stay. Only while
     * the hash is still the one that was checked: a password set meanwhile is not overwritten with the old one.
     */
    public void upgradePasswordHash(long id, String checkedHash, String passwordHash) {
        jdbc.sql("update access.operator set password_hash = ? where id = ? and password_hash = ?")
                .params(passwordHash, id, checkedHash)
                .update();
    }

    public void recordSignIn(long id, Instant now) {
        jdbc.sql("update access.operator set last_sign_in_at = ? where id = ?")
                .params(ts(now), id)
                .update();
    }

    private static Operator map(ResultSet rs, int row) throws SQLException {
        return new Operator(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("password_hash"),
                rs.getBoolean("disabled"),
                rs.getInt("session_epoch"),
                instant(rs, "last_sign_in_at"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Timestamps.read(rs, column);
    }

    private static OffsetDateTime ts(Instant instant) {
        return Timestamps.of(instant);
    }
}

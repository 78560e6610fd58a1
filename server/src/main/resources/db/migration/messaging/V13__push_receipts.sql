-- App push messages JPush accepted and no receipt has settled yet, by when they were sent: the receipt poll asks JPush's
-- report API about those sent within its window.
create index send_push_awaiting_receipt on messaging.send (sent_at, id)
    where channel = 'push' and state = 'sent' and delivered_at is null;

# sep/10/2023 14:00:00 by RouterOS 6.48.6
# software id = ZX98-YU76
#
# model = RB750Gr3
/interface ethernet
set [ find default-name=ether1 ] comment="WAN Viettel"
set [ find default-name=ether2 ] comment="LAN can bo"
set [ find default-name=ether3 ] comment="Wifi nguoi dan (AP TP-Link)"
/ip pool
add name=pool-lan ranges=192.168.1.50-192.168.1.200
add name=pool-wifi ranges=192.168.2.10-192.168.2.250
/ip dhcp-server
add address-pool=pool-lan disabled=no interface=ether2 name=dhcp-lan
add address-pool=pool-wifi disabled=no interface=ether3 name=dhcp-wifi
/ip address
add address=192.168.1.1/24 interface=ether2 network=192.168.1.0
add address=192.168.2.1/24 interface=ether3 network=192.168.2.0
/ip dhcp-client
add disabled=no interface=ether1
/ip dhcp-server network
add address=192.168.1.0/24 dns-server=8.8.8.8 gateway=192.168.1.1
add address=192.168.2.0/24 dns-server=8.8.8.8 gateway=192.168.2.1
/ip firewall nat
add action=masquerade chain=srcnat out-interface=ether1
/snmp
set enabled=yes
/system identity
set name=BinhSon-RT
/user
add name=kythuat group=full password=BinhSon@123
